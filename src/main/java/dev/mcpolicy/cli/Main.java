package dev.mcpolicy.cli; public class Main { public static void main(String[] a){} }
