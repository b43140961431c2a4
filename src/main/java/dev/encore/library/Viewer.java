package dev.encore.library;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.encore.library.content.LibraryContent;

/**
 * Who is looking: content rules depend on it.
 *
 * @param userId the signed-in user
 * @param admin  whether they are an admin (sees everything, may feature)
 */
public record Viewer(UUID userId, boolean admin) {

    /** The signed-in caller of a request (an access-token authentication). */
    public static Viewer of(Authentication authentication) {
        Jwt jwt = (Jwt) authentication.getPrincipal();
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(role -> "ROLE_ADMIN".equals(role.getAuthority()));
        return new Viewer(UUID.fromString(jwt.getSubject()), admin);
    }

    public boolean owns(LibraryContent content) {
        return content.ownerId().equals(userId);
    }

    /** Owners and admins see everything; others public and unlisted content (by id). */
    public boolean maySee(LibraryContent content) {
        return maySee(content.ownerId(), content.visibility());
    }

    /** {@link #maySee(LibraryContent)} for content read without its entity (a streamed original). */
    public boolean maySee(UUID ownerId, Visibility visibility) {
        return admin || ownerId.equals(userId) || visibility != Visibility.PRIVATE;
    }

    /** What listings and search show: own content and public content (unlisted only by id). */
    public boolean mayList(LibraryContent content) {
        return admin || owns(content) || content.visibility() == Visibility.PUBLIC;
    }
}
