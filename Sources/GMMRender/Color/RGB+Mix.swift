extension RGB {
    /// `self` moved a fraction `t` toward `other`, channel by channel in sRGB: the tint of a
    /// region over the background, and the density shade over that.
    func mixed(with other: RGB, _ t: Double) -> RGB {
        RGB(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
            blue: blue + (other.blue - blue) * t)
    }
}
