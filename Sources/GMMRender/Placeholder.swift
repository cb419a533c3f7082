// GMMRender: see Package.swift.
