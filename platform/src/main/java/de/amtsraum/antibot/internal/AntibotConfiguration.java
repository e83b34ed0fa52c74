package de.amtsraum.antibot.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the purge of used challenges (stated here too, so the module does not rely on another's). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AntibotConfiguration {
}
