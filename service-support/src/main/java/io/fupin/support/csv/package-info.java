/** CSV cells that spreadsheets open as text: the one formula guard of every CSV the platform writes. */
package io.fupin.support.csv;
