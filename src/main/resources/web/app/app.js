// The web app's entry module; its screens come with the client foundation.
