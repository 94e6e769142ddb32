/** Money in yuan from integer fen, times in Asia/Shanghai. */
package io.fupin.web.format;
