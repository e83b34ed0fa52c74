package de.amtsraum.support;

import de.amtsraum.AmtsraumApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the platform as {@code main} would, with extra properties, for tests that stop and restart it. */
public final class PlatformInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private PlatformInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static PlatformInstance start(Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--spring.profiles.active=test");
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new PlatformInstance(new SpringApplicationBuilder(AmtsraumApplication.class, MutableClock.Config.class)
                .run(args.toArray(String[]::new)));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Api api() {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
