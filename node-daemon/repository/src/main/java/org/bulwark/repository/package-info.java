/** Bulwark's backup repository engine. */
package org.bulwark.repository;
