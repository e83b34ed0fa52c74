package de.amtsraum.moderation.web;

import de.amtsraum.moderation.BlockException;
import de.amtsraum.moderation.CitizenBlocks;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.tenancy.manifest.TenantManifest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of blocks for misuse ({@code /{tenant}/mitarbeiter/sperren}, signed in like every staff
 * page): the blocks in force with their end and reason ({@code [gelöscht]} once the evidence is
 * erased), and lifting one. Only tenants declaring ABUSE_EVIDENCE; elsewhere the German 404 page.
 */
@SiteController
class BlockPageController {

    private final TenantSite site;
    private final CitizenBlocks blocks;
    private final MessageSource messages;

    BlockPageController(TenantSite site, CitizenBlocks blocks, MessageSource messages) {
        this.site = site;
        this.blocks = blocks;
        this.messages = messages;
    }

    @GetMapping("/{tenant}/mitarbeiter/sperren")
    String list(@PathVariable String tenant, Model model) {
        offering(tenant, model);
        model.addAttribute("blocks", blocks.active(tenant));
        return "moderation/blocks";
    }

    @PostMapping(path = "/{tenant}/mitarbeiter/sperren/{id}/aufheben", consumes = "application/x-www-form-urlencoded")
    String lift(@PathVariable String tenant, @PathVariable String id, Model model, RedirectAttributes redirect) {
        offering(tenant, model);
        try {
            blocks.lift(tenant, id);
        } catch (BlockException unknown) {
            throw new PageNotFoundException();
        }
        redirect.addFlashAttribute("notice", messages.getMessage("staff.block.lifted", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/" + tenant + "/mitarbeiter/sperren";
    }

    private void offering(String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        if (!blocks.offered(tenant)) {
            throw new PageNotFoundException();
        }
        model.addAttribute("zone", manifest.timeZone());
    }
}
