/** Implementation helpers shared by recsys modules (argument checks, parallel ranges, seeds, raw array access). Not API: may change without notice. */
package io.github.recsys.internal;
