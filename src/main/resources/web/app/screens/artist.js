import { html } from 'lit';
import { api } from '../core/api.js';
import { TrackCollection } from '../components/track-collection.js';
import { albumHref, plural, segment } from '../components/library-kit.js';

/** One artist (`/library/artists/{name}`): their albums as a row of covers, then all their tracks. */
class Artist extends TrackCollection {
  static properties = {
    albums: { state: true },
  };

  constructor() {
    super();
    this.albums = [];
  }

  describe() {
    return { kind: 'Artist', name: segment(this.params?.artist), round: true };
  }

  trackQuery() {
    return { artist: segment(this.params?.artist), sort: 'album,asc' };
  }

  async loadMore() {
    const page = await api.get('/api/v1/albums', { query: { artist: segment(this.params?.artist), size: 48 } });
    this.albums = page.items;
  }

  renderMore() {
    if (this.albums.length === 0) return '';
    return html`<section class="more" aria-labelledby="albums-title">
      <h2 class="section" id="albums-title">Albums</h2>
      <ul class="grid">${this.albums.map((album) => html`<li><a class="tile" href=${albumHref(album.name, album.artist)}>
        <encore-cover .src=${album.coverUrl} .label=${album.name}></encore-cover>
        <strong>${album.name}</strong><span class="sub">${plural(album.trackCount, 'track')}</span></a></li>`)}</ul>
    </section>
    <h2 class="section">Tracks</h2>`;
  }
}

customElements.define('encore-artist', Artist);
