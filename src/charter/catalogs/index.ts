/** The shipped reference catalogs: supervisory authorities, countries, transfer mechanisms, data categories. */
export * from './authorities.js';
export * from './countries.js';
export * from './transfer-mechanisms.js';
export * from './data-taxonomy.js';
