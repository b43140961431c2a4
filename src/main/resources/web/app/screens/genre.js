import { TrackCollection } from '../components/track-collection.js';
import { segment } from '../components/library-kit.js';

/** One genre (`/library/genres/{name}`): its tracks, by artist. */
class Genre extends TrackCollection {
  describe() {
    return { kind: 'Genre', name: segment(this.params?.genre) };
  }

  trackQuery() {
    return { genre: segment(this.params?.genre), sort: 'artist,asc' };
  }
}

customElements.define('encore-genre', Genre);
