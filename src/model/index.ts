export * from './span.js';
export * from './messages.js';
export * from './article.js';
export * from './profile-counts.js';
export * from './story.js';
export * from './exit-codes.js';
