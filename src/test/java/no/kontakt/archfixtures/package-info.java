/**
 * Classes that break the rules of {@code ArchitectureTest} on purpose, so that each rule is seen to fail. They mirror
 * the real package names under this base package and are never imported by the rules on the real code.
 */
package no.kontakt.archfixtures;
