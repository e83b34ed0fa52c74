package de.amtsraum.antibot;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test only: a form with the bot check, as a page of a calling context would use it
 * ({@code /test/antibot/{tenant}}); answers whether {@link BotChallenges#verify} accepted the post.
 */
@Controller
class BotCheckTestPage {

    private final BotChallenges challenges;

    BotCheckTestPage(BotChallenges challenges) {
        this.challenges = challenges;
    }

    @GetMapping("/test/antibot/{tenant}")
    String form(@PathVariable String tenant, Model model) {
        return form(tenant, model, "Prüfung", null);
    }

    @PostMapping(path = "/test/antibot/{tenant}", consumes = "application/x-www-form-urlencoded")
    String submit(@PathVariable String tenant, @RequestParam Map<String, String> fields, Model model,
                  HttpServletResponse response) {
        try {
            challenges.verify(tenant, BotChallenges.solution(fields));
        } catch (BotCheckFailedException failed) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(tenant, model, "Prüfung fehlgeschlagen", failed.germanMessage());
        }
        model.addAttribute("heading", "Prüfung bestanden");
        model.addAttribute("how", fields.containsKey(BotChallenges.WIDGET_FIELD) ? "widget" : "question");
        return "antibot-test/form";
    }

    private String form(String tenant, Model model, String heading, String error) {
        model.addAttribute("heading", heading);
        model.addAttribute("tenant", tenant);
        model.addAttribute("challenge", challenges.issue(tenant));
        model.addAttribute("botCheckError", error);
        return "antibot-test/form";
    }
}
