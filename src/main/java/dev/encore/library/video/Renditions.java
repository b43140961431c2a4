package dev.encore.library.video;

import org.springframework.data.jpa.repository.JpaRepository;

/** Renditions of processed videos. */
public interface Renditions extends JpaRepository<Rendition, Rendition.Key> {
}
