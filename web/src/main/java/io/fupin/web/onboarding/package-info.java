/** Joining as a seller: a signed-in consumer applies (credit code, contacts, documents) and follows the decision. */
package io.fupin.web.onboarding;
