export { statesView } from '../../core/states-view.js';
