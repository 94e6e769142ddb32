/** The OpenAPI document every service publishes, made usable from the gateway's Swagger UI. */
package io.fupin.support.openapi;
