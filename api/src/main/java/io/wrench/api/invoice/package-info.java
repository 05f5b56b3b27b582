/**
 * Invoice documents: the PDF of an invoiced work order, rendered the same to the byte every time for
 * the same facts, and the SHA-256 of every distinct document handed out, recorded when first issued.
 */
package io.wrench.api.invoice;
