/** The demo's generated data and its conversion half. */
package io.github.recsys.examples.demo;
