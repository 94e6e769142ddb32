/** Authenticated encryption of single values under rotating keys, each value naming the key that sealed it. */
package io.fupin.support.crypto;
