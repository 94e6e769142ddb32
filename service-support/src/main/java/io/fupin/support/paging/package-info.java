/** The one page shape of every list, its paging links, and the checks on a requested page. */
package io.fupin.support.paging;
