import { html } from 'lit';
import { TrackCollection } from '../components/track-collection.js';
import { artistHref, segment } from '../components/library-kit.js';

/** One album (`/library/albums/{name}?artist=`): its cover and its tracks, in the order they were added. */
class Album extends TrackCollection {
  describe() {
    const artist = this.query?.get('artist');
    return {
      kind: 'Album', name: segment(this.params?.album),
      meta: artist ? html`<a href=${artistHref(artist)}>${artist}</a>` : '',
    };
  }

  trackQuery() {
    return { album: segment(this.params?.album), artist: this.query?.get('artist'), sort: 'createdAt,asc' };
  }
}

customElements.define('encore-album', Album);
