export { statesView, type StatesView } from '../../core/states-view.js';
