/**
 * Photos and documents on work orders: the upload's checks (type from the bytes, limits, hostile
 * files), the attachment store (a directory or an S3-compatible object store), downloads checked
 * against the SHA-256 the event recorded, and thumbnails.
 */
package io.wrench.api.attachment;
