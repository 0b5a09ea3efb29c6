export * from './data/chat-spellings.js';
export * from './data/salutations.js';
export * from './data/stopwords.js';
export * from './normalise.js';
export * from './stemmer.js';
export * from './tokens.js';
