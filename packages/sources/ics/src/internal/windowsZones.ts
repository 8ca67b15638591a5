/**
 * Windows time zones as Outlook and Exchange write them in TZID without a VTIMEZONE: the zone id
 * (`W. Europe Standard Time`) or its display name (`(UTC+01:00) Amsterdam, Berlin, ...`), mapped to
 * the IANA zone of the CLDR "001" territory.
 */

/** Windows zone ids as written (`W. Europe Standard Time`) and their IANA zone. */
const ids: ReadonlyArray<readonly [string, string]> = [
  ["Dateline Standard Time", "Etc/GMT+12"],
  ["UTC-11", "Etc/GMT+11"],
  ["Hawaiian Standard Time", "Pacific/Honolulu"],
  ["Alaskan Standard Time", "America/Anchorage"],
  ["Pacific Standard Time", "America/Los_Angeles"],
  ["Pacific Standard Time (Mexico)", "America/Tijuana"],
  ["US Mountain Standard Time", "America/Phoenix"],
  ["Mountain Standard Time", "America/Denver"],
  ["Mountain Standard Time (Mexico)", "America/Mazatlan"],
  ["Central America Standard Time", "America/Guatemala"],
  ["Central Standard Time", "America/Chicago"],
  ["Central Standard Time (Mexico)", "America/Mexico_City"],
  ["Canada Central Standard Time", "America/Regina"],
  ["SA Pacific Standard Time", "America/Bogota"],
  ["Eastern Standard Time", "America/New_York"],
  ["US Eastern Standard Time", "America/Indiana/Indianapolis"],
  ["Venezuela Standard Time", "America/Caracas"],
  ["Atlantic Standard Time", "America/Halifax"],
  ["SA Western Standard Time", "America/La_Paz"],
  ["Pacific SA Standard Time", "America/Santiago"],
  ["Newfoundland Standard Time", "America/St_Johns"],
  ["E. South America Standard Time", "America/Sao_Paulo"],
  ["Argentina Standard Time", "America/Argentina/Buenos_Aires"],
  ["SA Eastern Standard Time", "America/Cayenne"],
  ["Greenland Standard Time", "America/Nuuk"],
  ["UTC-02", "Etc/GMT+2"],
  ["Azores Standard Time", "Atlantic/Azores"],
  ["Cape Verde Standard Time", "Atlantic/Cape_Verde"],
  ["UTC", "Etc/UTC"],
  ["GMT Standard Time", "Europe/London"],
  ["Greenwich Standard Time", "Atlantic/Reykjavik"],
  ["Morocco Standard Time", "Africa/Casablanca"],
  ["W. Europe Standard Time", "Europe/Berlin"],
  ["Central Europe Standard Time", "Europe/Budapest"],
  ["Romance Standard Time", "Europe/Paris"],
  ["Central European Standard Time", "Europe/Warsaw"],
  ["W. Central Africa Standard Time", "Africa/Lagos"],
  ["GTB Standard Time", "Europe/Bucharest"],
  ["E. Europe Standard Time", "Europe/Chisinau"],
  ["FLE Standard Time", "Europe/Helsinki"],
  ["Israel Standard Time", "Asia/Jerusalem"],
  ["Egypt Standard Time", "Africa/Cairo"],
  ["South Africa Standard Time", "Africa/Johannesburg"],
  ["Turkey Standard Time", "Europe/Istanbul"],
  ["Jordan Standard Time", "Asia/Amman"],
  ["Middle East Standard Time", "Asia/Beirut"],
  ["Arabic Standard Time", "Asia/Baghdad"],
  ["Arab Standard Time", "Asia/Riyadh"],
  ["Russian Standard Time", "Europe/Moscow"],
  ["E. Africa Standard Time", "Africa/Nairobi"],
  ["Iran Standard Time", "Asia/Tehran"],
  ["Arabian Standard Time", "Asia/Dubai"],
  ["Azerbaijan Standard Time", "Asia/Baku"],
  ["Afghanistan Standard Time", "Asia/Kabul"],
  ["Ekaterinburg Standard Time", "Asia/Yekaterinburg"],
  ["Pakistan Standard Time", "Asia/Karachi"],
  ["West Asia Standard Time", "Asia/Tashkent"],
  ["India Standard Time", "Asia/Kolkata"],
  ["Sri Lanka Standard Time", "Asia/Colombo"],
  ["Nepal Standard Time", "Asia/Kathmandu"],
  ["Central Asia Standard Time", "Asia/Almaty"],
  ["Bangladesh Standard Time", "Asia/Dhaka"],
  ["Myanmar Standard Time", "Asia/Yangon"],
  ["SE Asia Standard Time", "Asia/Bangkok"],
  ["N. Central Asia Standard Time", "Asia/Novosibirsk"],
  ["China Standard Time", "Asia/Shanghai"],
  ["North Asia Standard Time", "Asia/Krasnoyarsk"],
  ["Singapore Standard Time", "Asia/Singapore"],
  ["W. Australia Standard Time", "Australia/Perth"],
  ["Taipei Standard Time", "Asia/Taipei"],
  ["Tokyo Standard Time", "Asia/Tokyo"],
  ["Korea Standard Time", "Asia/Seoul"],
  ["Cen. Australia Standard Time", "Australia/Adelaide"],
  ["AUS Central Standard Time", "Australia/Darwin"],
  ["E. Australia Standard Time", "Australia/Brisbane"],
  ["AUS Eastern Standard Time", "Australia/Sydney"],
  ["West Pacific Standard Time", "Pacific/Port_Moresby"],
  ["Tasmania Standard Time", "Australia/Hobart"],
  ["Vladivostok Standard Time", "Asia/Vladivostok"],
  ["New Zealand Standard Time", "Pacific/Auckland"],
  ["Fiji Standard Time", "Pacific/Fiji"],
  ["Tonga Standard Time", "Pacific/Tongatapu"],
]

/** Windows zone id (lower-case) -> IANA zone. */
export const windowsIds: ReadonlyMap<string, string> = new Map(
  ids.map(([id, zone]) => [id.toLowerCase(), zone]),
)

/**
 * Windows display names without their `(UTC+hh:mm)` prefix. Older Outlook wrote other variants
 * (`(GMT+01.00) Sarajevo/Warsaw/Zagreb`), so lookups go by single place names as well.
 */
const displayNames: ReadonlyArray<readonly [string, string]> = [
  ["International Date Line West", "Etc/GMT+12"],
  ["Hawaii", "Pacific/Honolulu"],
  ["Alaska", "America/Anchorage"],
  ["Pacific Time (US & Canada)", "America/Los_Angeles"],
  ["Tijuana, Baja California", "America/Tijuana"],
  ["Arizona", "America/Phoenix"],
  ["Mountain Time (US & Canada)", "America/Denver"],
  ["Chihuahua, La Paz, Mazatlan", "America/Mazatlan"],
  ["Central America", "America/Guatemala"],
  ["Central Time (US & Canada)", "America/Chicago"],
  ["Guadalajara, Mexico City, Monterrey", "America/Mexico_City"],
  ["Saskatchewan", "America/Regina"],
  ["Bogota, Lima, Quito, Rio Branco", "America/Bogota"],
  ["Eastern Time (US & Canada)", "America/New_York"],
  ["Indiana (East)", "America/Indiana/Indianapolis"],
  ["Caracas", "America/Caracas"],
  ["Atlantic Time (Canada)", "America/Halifax"],
  ["Georgetown, La Paz, Manaus, San Juan", "America/La_Paz"],
  ["Santiago", "America/Santiago"],
  ["Newfoundland", "America/St_Johns"],
  ["Brasilia", "America/Sao_Paulo"],
  ["City of Buenos Aires, Buenos Aires", "America/Argentina/Buenos_Aires"],
  ["Cayenne, Fortaleza", "America/Cayenne"],
  ["Greenland", "America/Nuuk"],
  ["Azores", "Atlantic/Azores"],
  ["Cape Verde Is.", "Atlantic/Cape_Verde"],
  ["Coordinated Universal Time", "Etc/UTC"],
  ["Dublin, Edinburgh, Lisbon, London", "Europe/London"],
  ["Greenwich Mean Time", "Europe/London"],
  ["Monrovia, Reykjavik", "Atlantic/Reykjavik"],
  ["Casablanca", "Africa/Casablanca"],
  ["Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"],
  ["Belgrade, Bratislava, Budapest, Ljubljana, Prague", "Europe/Budapest"],
  ["Brussels, Copenhagen, Madrid, Paris", "Europe/Paris"],
  ["Sarajevo, Skopje, Warsaw, Zagreb", "Europe/Warsaw"],
  ["West Central Africa", "Africa/Lagos"],
  ["Athens, Bucharest, Istanbul", "Europe/Bucharest"],
  ["Chisinau", "Europe/Chisinau"],
  ["Helsinki, Kyiv, Kiev, Riga, Sofia, Tallinn, Vilnius", "Europe/Helsinki"],
  ["Jerusalem", "Asia/Jerusalem"],
  ["Cairo", "Africa/Cairo"],
  ["Harare, Pretoria", "Africa/Johannesburg"],
  ["Amman", "Asia/Amman"],
  ["Beirut", "Asia/Beirut"],
  ["Baghdad", "Asia/Baghdad"],
  ["Kuwait, Riyadh", "Asia/Riyadh"],
  ["Moscow, St. Petersburg, Volgograd", "Europe/Moscow"],
  ["Nairobi", "Africa/Nairobi"],
  ["Tehran", "Asia/Tehran"],
  ["Abu Dhabi, Muscat", "Asia/Dubai"],
  ["Baku", "Asia/Baku"],
  ["Kabul", "Asia/Kabul"],
  ["Ekaterinburg", "Asia/Yekaterinburg"],
  ["Islamabad, Karachi", "Asia/Karachi"],
  ["Tashkent", "Asia/Tashkent"],
  ["Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata"],
  ["Sri Jayawardenepura", "Asia/Colombo"],
  ["Kathmandu", "Asia/Kathmandu"],
  ["Astana, Almaty", "Asia/Almaty"],
  ["Dhaka", "Asia/Dhaka"],
  ["Yangon (Rangoon)", "Asia/Yangon"],
  ["Bangkok, Hanoi, Jakarta", "Asia/Bangkok"],
  ["Novosibirsk", "Asia/Novosibirsk"],
  ["Beijing, Chongqing, Hong Kong, Urumqi", "Asia/Shanghai"],
  ["Krasnoyarsk", "Asia/Krasnoyarsk"],
  ["Kuala Lumpur, Singapore", "Asia/Singapore"],
  ["Perth", "Australia/Perth"],
  ["Taipei", "Asia/Taipei"],
  ["Osaka, Sapporo, Tokyo", "Asia/Tokyo"],
  ["Seoul", "Asia/Seoul"],
  ["Adelaide", "Australia/Adelaide"],
  ["Darwin", "Australia/Darwin"],
  ["Brisbane", "Australia/Brisbane"],
  ["Canberra, Melbourne, Sydney", "Australia/Sydney"],
  ["Guam, Port Moresby", "Pacific/Port_Moresby"],
  ["Hobart", "Australia/Hobart"],
  ["Vladivostok", "Asia/Vladivostok"],
  ["Auckland, Wellington", "Pacific/Auckland"],
  ["Fiji", "Pacific/Fiji"],
  ["Nuku'alofa", "Pacific/Tongatapu"],
]

const normalise = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ")

/** Place (or whole display name), lower-case -> IANA zone; the first table entry naming a place wins. */
const places: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>()
  for (const [name, zone] of displayNames) {
    const whole = normalise(name)
    if (!map.has(whole)) map.set(whole, zone)
    for (const place of name.split(",")) {
      const key = normalise(place)
      if (key && !map.has(key)) map.set(key, zone)
    }
  }
  return map
})()

/**
 * The IANA zone for a display name with its offset prefix already removed
 * (`Athens, Bucharest, Istanbul`, `Sarajevo/Warsaw/Zagreb`, `Pacific Time (US & Canada); Tijuana`).
 */
export const zoneForDisplayName = (name: string): string | undefined => {
  const whole = places.get(normalise(name))
  if (whole) return whole
  for (const part of name.split(/[,/;]/)) {
    const zone = places.get(normalise(part))
    if (zone) return zone
  }
  return undefined
}
