/**
 * Product search: an Elasticsearch index behind an alias, fed from catalog's own product events, with
 * Chinese phrase ranking and pinyin; answers from MariaDB (marked degraded) while Elasticsearch is away.
 */
package io.fupin.catalog.search;
