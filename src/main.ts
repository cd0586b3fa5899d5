// Entry point: registers the custom elements; index.html places <jb-app>.
import './components/jb-app';
