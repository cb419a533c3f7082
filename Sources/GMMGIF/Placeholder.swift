// GMMGIF: see Package.swift.
