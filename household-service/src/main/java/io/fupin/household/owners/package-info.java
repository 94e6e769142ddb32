/** household-service's ownership rules, written once: what a seller may touch (its products, their households, its agreements). */
package io.fupin.household.owners;
