package de.amtsraum.site;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/** A controller of citizen pages: its errors are answered with German HTML pages, not problem+json. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Controller
public @interface SiteController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
