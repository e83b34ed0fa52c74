package de.amtsraum.notification;

import de.amtsraum.runtime.RuntimeProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** No SMTP host configured: capture mail as files instead of sending it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class MailCaptureConfiguration {

    @Bean
    JavaMailSender capturingMailSender(RuntimeProperties runtime, Clock clock) {
        return new CapturingMailSender(runtime.resolve("mail"), clock);
    }
}
