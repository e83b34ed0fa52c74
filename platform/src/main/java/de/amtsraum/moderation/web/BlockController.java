package de.amtsraum.moderation.web;

import de.amtsraum.moderation.BlockException;
import de.amtsraum.moderation.CitizenBlocks;
import de.amtsraum.moderation.CitizenBlocks.BlockView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API of blocks for misuse: list the blocks in force, read one, lift one, fetch the screenshot
 * while the evidence lives. Blocks are made where the misuse happened (booking:
 * {@code POST …/appointments/{id}/block}). Only tenants declaring ABUSE_EVIDENCE; others get 404.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenant}/blocks", produces = MediaType.APPLICATION_JSON_VALUE)
class BlockController {

    private final CitizenBlocks blocks;

    BlockController(CitizenBlocks blocks) {
        this.blocks = blocks;
    }

    record Changed(String id, boolean changedNow) {
    }

    @GetMapping
    @Operation(summary = "Blocks for misuse in force, newest first (staff)", security = @SecurityRequirement(name = "bearer"))
    List<BlockView> active(@PathVariable String tenant) {
        return blocks.active(tenant);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One block; the reason reads [gelöscht] once the evidence is erased (staff)",
            security = @SecurityRequirement(name = "bearer"))
    BlockView get(@PathVariable String tenant, @PathVariable String id) {
        return blocks.get(tenant, id);
    }

    @PostMapping("/{id}/lift")
    @Operation(summary = "Lift a block before its end (staff)", security = @SecurityRequirement(name = "bearer"))
    Changed lift(@PathVariable String tenant, @PathVariable String id) {
        return new Changed(id, blocks.lift(tenant, id));
    }

    @GetMapping(path = "/{id}/screenshot", produces = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The screenshot of the evidence while it lives (staff)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<byte[]> screenshot(@PathVariable String tenant, @PathVariable String id) {
        CitizenBlocks.Screenshot shot = blocks.screenshot(tenant, id)
                .orElseThrow(() -> new BlockException(BlockException.Reason.SCREENSHOT_ERASED));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(shot.mediaType())).body(shot.bytes());
    }
}
