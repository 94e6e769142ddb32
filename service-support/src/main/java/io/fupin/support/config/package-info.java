/** Settings every service shares the rules of: secrets come from the environment, and their absence is named. */
package io.fupin.support.config;
