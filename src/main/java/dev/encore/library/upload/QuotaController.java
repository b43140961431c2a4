package dev.encore.library.upload;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;

/** The signed-in user's quotas, so clients can show what is used and what is left before an import or upload. */
@Tag(name = "me")
@RestController
class QuotaController {

    private final UploadQuota quota;

    QuotaController(UploadQuota quota) {
        this.quota = quota;
    }

    @Operation(summary = "My storage and daily upload quotas", description = "Bytes used and allowed: storage "
            + "(everything I store: import files, uploads, library content) and uploads of the last 24 hours.")
    @GetMapping("/api/v1/me/quota")
    ResponseEntity<QuotaView> quota(Authentication auth) {
        UUID owner = Viewer.of(auth).userId();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(quota.usage(owner));
    }
}
