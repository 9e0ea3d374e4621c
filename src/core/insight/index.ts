/** Pure class insight: predicted recall per card and section, warm-up ranking, CSV (README.md). */
export * from './recall';
export * from './forgetting';
export * from './sections';
export * from './csv';
export * from './assignment-stats';
