/**
 * Rate limits per caller and route: token buckets in Redis shared by every gateway instance, and buckets
 * in memory while Redis does not answer.
 */
package io.fupin.gateway.ratelimit;
