/** Implementation details of bigdata-ai-core: Arrow plumbing, chunk sources and parsers. Not public API. */
package ai.bigdata.core.internal;
