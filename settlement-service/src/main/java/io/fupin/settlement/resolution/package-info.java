/** What a clerk does with money that cannot simply be paid: lines in suspense and what households owe back. */
package io.fupin.settlement.resolution;
