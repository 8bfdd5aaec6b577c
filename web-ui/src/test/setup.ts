import '@testing-library/jest-dom/vitest';

// jsdom lays nothing out, so it has no scrolling; browsers do.
Element.prototype.scrollIntoView = function scrollIntoView() {};
