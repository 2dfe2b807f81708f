// Side-effect style imports (Mantine's stylesheets) are bundled by Vite.
declare module '*.css';
