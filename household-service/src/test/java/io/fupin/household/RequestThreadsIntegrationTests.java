package io.fupin.household;

import io.fupin.support.testing.RequestThreadsContract;

/** Requests on platform threads ({@link RequestThreadsContract}). */
@IntegrationTest
class RequestThreadsIntegrationTests extends RequestThreadsContract {
}
