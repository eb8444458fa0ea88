/** Components import their stylesheets for the side effect (`import './PaperRow.css';`); Vite bundles them. */
declare module '*.css';
