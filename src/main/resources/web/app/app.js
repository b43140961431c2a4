import './components/encore-app.js';
