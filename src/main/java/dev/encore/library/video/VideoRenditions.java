package dev.encore.library.video;

import org.springframework.data.jpa.repository.JpaRepository;

/** Renditions of processed videos. */
public interface VideoRenditions extends JpaRepository<Rendition, Rendition.Key> {
}
