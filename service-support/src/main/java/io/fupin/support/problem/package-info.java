/** RFC 9457 problem+json answers shared by the services. */
package io.fupin.support.problem;
