import Testing

/// The 193 member states of the United Nations: ISO 3166-1 code, the entity id, the name news uses,
/// the ISO 3166-1 short name (in natural order where ISO inverts it: "Korea, Republic of" is
/// "Republic of Korea"; the Republic of the Congo's ISO name "Congo" is the other Congo's in news,
/// so its row holds "Congo-Brazzaville"), a demonym (empty where the only one belongs to another country: Dominica)
/// and the capital. Written out here so a change to the dictionaries that loses one of them fails.
enum UnitedNationsMembers {
  struct Member: Sendable, CustomTestStringConvertible {
    var code: String
    var id: String
    var name: String
    var isoName: String
    var demonym: String
    var capital: String
    var testDescription: String { name }
  }

  static let all: [Member] = [
    Member(
      code: "AD", id: "country/andorra", name: "Andorra", isoName: "Andorra", demonym: "Andorran",
      capital: "Andorra la Vella"),
    Member(
      code: "AE", id: "country/united-arab-emirates", name: "United Arab Emirates",
      isoName: "United Arab Emirates", demonym: "Emirati", capital: "Abu Dhabi"),
    Member(
      code: "AF", id: "country/afghanistan", name: "Afghanistan", isoName: "Afghanistan",
      demonym: "Afghan", capital: "Kabul"),
    Member(
      code: "AG", id: "country/antigua-and-barbuda", name: "Antigua and Barbuda",
      isoName: "Antigua and Barbuda", demonym: "Antiguan", capital: "Saint John’s"),
    Member(
      code: "AL", id: "country/albania", name: "Albania", isoName: "Albania", demonym: "Albanian",
      capital: "Tirana"),
    Member(
      code: "AM", id: "country/armenia", name: "Armenia", isoName: "Armenia", demonym: "Armenian",
      capital: "Yerevan"),
    Member(
      code: "AO", id: "country/angola", name: "Angola", isoName: "Angola", demonym: "Angolan",
      capital: "Luanda"),
    Member(
      code: "AR", id: "country/argentina", name: "Argentina", isoName: "Argentina",
      demonym: "Argentine", capital: "Buenos Aires"),
    Member(
      code: "AT", id: "country/austria", name: "Austria", isoName: "Austria", demonym: "Austrian",
      capital: "Vienna"),
    Member(
      code: "AU", id: "country/australia", name: "Australia", isoName: "Australia",
      demonym: "Australian", capital: "Canberra"),
    Member(
      code: "AZ", id: "country/azerbaijan", name: "Azerbaijan", isoName: "Azerbaijan",
      demonym: "Azerbaijani", capital: "Baku"),
    Member(
      code: "BA", id: "country/bosnia-and-herzegovina", name: "Bosnia and Herzegovina",
      isoName: "Bosnia and Herzegovina", demonym: "Bosnian", capital: "Sarajevo"),
    Member(
      code: "BB", id: "country/barbados", name: "Barbados", isoName: "Barbados",
      demonym: "Barbadian", capital: "Bridgetown"),
    Member(
      code: "BD", id: "country/bangladesh", name: "Bangladesh", isoName: "Bangladesh",
      demonym: "Bangladeshi", capital: "Dhaka"),
    Member(
      code: "BE", id: "country/belgium", name: "Belgium", isoName: "Belgium", demonym: "Belgian",
      capital: "Brussels"),
    Member(
      code: "BF", id: "country/burkina-faso", name: "Burkina Faso", isoName: "Burkina Faso",
      demonym: "Burkinabe", capital: "Ouagadougou"),
    Member(
      code: "BG", id: "country/bulgaria", name: "Bulgaria", isoName: "Bulgaria",
      demonym: "Bulgarian", capital: "Sofia"),
    Member(
      code: "BH", id: "country/bahrain", name: "Bahrain", isoName: "Bahrain", demonym: "Bahraini",
      capital: "Manama"),
    Member(
      code: "BI", id: "country/burundi", name: "Burundi", isoName: "Burundi", demonym: "Burundian",
      capital: "Gitega"),
    Member(
      code: "BJ", id: "country/benin", name: "Benin", isoName: "Benin", demonym: "Beninese",
      capital: "Porto-Novo"),
    Member(
      code: "BN", id: "country/brunei", name: "Brunei", isoName: "Brunei Darussalam",
      demonym: "Bruneian", capital: "Bandar Seri Begawan"),
    Member(
      code: "BO", id: "country/bolivia", name: "Bolivia", isoName: "Plurinational State of Bolivia",
      demonym: "Bolivian", capital: "Sucre"),
    Member(
      code: "BR", id: "country/brazil", name: "Brazil", isoName: "Brazil", demonym: "Brazilian",
      capital: "Brasília"),
    Member(
      code: "BS", id: "country/bahamas", name: "Bahamas", isoName: "Bahamas", demonym: "Bahamian",
      capital: "Nassau"),
    Member(
      code: "BT", id: "country/bhutan", name: "Bhutan", isoName: "Bhutan", demonym: "Bhutanese",
      capital: "Thimphu"),
    Member(
      code: "BW", id: "country/botswana", name: "Botswana", isoName: "Botswana",
      demonym: "Motswana", capital: "Gaborone"),
    Member(
      code: "BY", id: "country/belarus", name: "Belarus", isoName: "Belarus", demonym: "Belarusian",
      capital: "Minsk"),
    Member(
      code: "BZ", id: "country/belize", name: "Belize", isoName: "Belize", demonym: "Belizean",
      capital: "Belmopan"),
    Member(
      code: "CA", id: "country/canada", name: "Canada", isoName: "Canada", demonym: "Canadian",
      capital: "Ottawa"),
    Member(
      code: "CD", id: "country/democratic-republic-of-the-congo",
      name: "Democratic Republic of the Congo", isoName: "Democratic Republic of the Congo",
      demonym: "Congolese", capital: "Kinshasa"),
    Member(
      code: "CF", id: "country/central-african-republic", name: "Central African Republic",
      isoName: "Central African Republic", demonym: "Central African", capital: "Bangui"),
    Member(
      code: "CG", id: "country/republic-of-the-congo", name: "Republic of the Congo",
      isoName: "Congo-Brazzaville", demonym: "", capital: "Brazzaville"),
    Member(
      code: "CH", id: "country/switzerland", name: "Switzerland", isoName: "Switzerland",
      demonym: "Swiss", capital: "Bern"),
    Member(
      code: "CI", id: "country/ivory-coast", name: "Ivory Coast", isoName: "Côte d'Ivoire",
      demonym: "Ivorian", capital: "Yamoussoukro"),
    Member(
      code: "CL", id: "country/chile", name: "Chile", isoName: "Chile", demonym: "Chilean",
      capital: "Santiago"),
    Member(
      code: "CM", id: "country/cameroon", name: "Cameroon", isoName: "Cameroon",
      demonym: "Cameroonian", capital: "Yaoundé"),
    Member(
      code: "CN", id: "country/china", name: "China", isoName: "China", demonym: "Chinese",
      capital: "Beijing"),
    Member(
      code: "CO", id: "country/colombia", name: "Colombia", isoName: "Colombia",
      demonym: "Colombian", capital: "Bogotá"),
    Member(
      code: "CR", id: "country/costa-rica", name: "Costa Rica", isoName: "Costa Rica",
      demonym: "Costa Rican", capital: "San José"),
    Member(
      code: "CU", id: "country/cuba", name: "Cuba", isoName: "Cuba", demonym: "Cuban",
      capital: "Havana"),
    Member(
      code: "CV", id: "country/cape-verde", name: "Cape Verde", isoName: "Cabo Verde",
      demonym: "Cape Verdean", capital: "Praia"),
    Member(
      code: "CY", id: "country/cyprus", name: "Cyprus", isoName: "Cyprus", demonym: "Cypriot",
      capital: "Nicosia"),
    Member(
      code: "CZ", id: "country/czech-republic", name: "Czech Republic", isoName: "Czechia",
      demonym: "Czech", capital: "Prague"),
    Member(
      code: "DE", id: "country/germany", name: "Germany", isoName: "Germany", demonym: "German",
      capital: "Berlin"),
    Member(
      code: "DJ", id: "country/djibouti", name: "Djibouti", isoName: "Djibouti",
      demonym: "Djiboutian", capital: "Djibouti City"),
    Member(
      code: "DK", id: "country/denmark", name: "Denmark", isoName: "Denmark", demonym: "Danish",
      capital: "Copenhagen"),
    Member(
      code: "DM", id: "country/dominica", name: "Dominica", isoName: "Dominica", demonym: "",
      capital: "Roseau"),
    Member(
      code: "DO", id: "country/dominican-republic", name: "Dominican Republic",
      isoName: "Dominican Republic", demonym: "Dominican", capital: "Santo Domingo"),
    Member(
      code: "DZ", id: "country/algeria", name: "Algeria", isoName: "Algeria", demonym: "Algerian",
      capital: "Algiers"),
    Member(
      code: "EC", id: "country/ecuador", name: "Ecuador", isoName: "Ecuador", demonym: "Ecuadorian",
      capital: "Quito"),
    Member(
      code: "EE", id: "country/estonia", name: "Estonia", isoName: "Estonia", demonym: "Estonian",
      capital: "Tallinn"),
    Member(
      code: "EG", id: "country/egypt", name: "Egypt", isoName: "Egypt", demonym: "Egyptian",
      capital: "Cairo"),
    Member(
      code: "ER", id: "country/eritrea", name: "Eritrea", isoName: "Eritrea", demonym: "Eritrean",
      capital: "Asmara"),
    Member(
      code: "ES", id: "country/spain", name: "Spain", isoName: "Spain", demonym: "Spanish",
      capital: "Madrid"),
    Member(
      code: "ET", id: "country/ethiopia", name: "Ethiopia", isoName: "Ethiopia",
      demonym: "Ethiopian", capital: "Addis Ababa"),
    Member(
      code: "FI", id: "country/finland", name: "Finland", isoName: "Finland", demonym: "Finnish",
      capital: "Helsinki"),
    Member(
      code: "FJ", id: "country/fiji", name: "Fiji", isoName: "Fiji", demonym: "Fijian",
      capital: "Suva"),
    Member(
      code: "FM", id: "country/micronesia", name: "Micronesia",
      isoName: "Federated States of Micronesia", demonym: "Micronesian", capital: "Palikir"),
    Member(
      code: "FR", id: "country/france", name: "France", isoName: "France", demonym: "French",
      capital: "Paris"),
    Member(
      code: "GA", id: "country/gabon", name: "Gabon", isoName: "Gabon", demonym: "Gabonese",
      capital: "Libreville"),
    Member(
      code: "GB", id: "country/united-kingdom", name: "United Kingdom", isoName: "United Kingdom",
      demonym: "British", capital: "London"),
    Member(
      code: "GD", id: "country/grenada", name: "Grenada", isoName: "Grenada", demonym: "Grenadian",
      capital: "Saint George's"),
    Member(
      code: "GE", id: "country/georgia", name: "Georgia", isoName: "Georgia", demonym: "Georgian",
      capital: "Tbilisi"),
    Member(
      code: "GH", id: "country/ghana", name: "Ghana", isoName: "Ghana", demonym: "Ghanaian",
      capital: "Accra"),
    Member(
      code: "GM", id: "country/gambia", name: "Gambia", isoName: "Gambia", demonym: "Gambian",
      capital: "Banjul"),
    Member(
      code: "GN", id: "country/guinea", name: "Guinea", isoName: "Guinea", demonym: "Guinean",
      capital: "Conakry"),
    Member(
      code: "GQ", id: "country/equatorial-guinea", name: "Equatorial Guinea",
      isoName: "Equatorial Guinea", demonym: "Equatorial Guinean", capital: "Ciudad de la Paz"),
    Member(
      code: "GR", id: "country/greece", name: "Greece", isoName: "Greece", demonym: "Greek",
      capital: "Athens"),
    Member(
      code: "GT", id: "country/guatemala", name: "Guatemala", isoName: "Guatemala",
      demonym: "Guatemalan", capital: "Guatemala City"),
    Member(
      code: "GW", id: "country/guinea-bissau", name: "Guinea-Bissau", isoName: "Guinea-Bissau",
      demonym: "Bissau-Guinean", capital: "Bissau"),
    Member(
      code: "GY", id: "country/guyana", name: "Guyana", isoName: "Guyana", demonym: "Guyanese",
      capital: "Georgetown"),
    Member(
      code: "HN", id: "country/honduras", name: "Honduras", isoName: "Honduras",
      demonym: "Honduran", capital: "Tegucigalpa"),
    Member(
      code: "HR", id: "country/croatia", name: "Croatia", isoName: "Croatia", demonym: "Croatian",
      capital: "Zagreb"),
    Member(
      code: "HT", id: "country/haiti", name: "Haiti", isoName: "Haiti", demonym: "Haitian",
      capital: "Port-au-Prince"),
    Member(
      code: "HU", id: "country/hungary", name: "Hungary", isoName: "Hungary", demonym: "Hungarian",
      capital: "Budapest"),
    Member(
      code: "ID", id: "country/indonesia", name: "Indonesia", isoName: "Indonesia",
      demonym: "Indonesian", capital: "Jakarta"),
    Member(
      code: "IE", id: "country/ireland", name: "Ireland", isoName: "Ireland", demonym: "Irish",
      capital: "Dublin"),
    Member(
      code: "IL", id: "country/israel", name: "Israel", isoName: "Israel", demonym: "Israeli",
      capital: "Jerusalem"),
    Member(
      code: "IN", id: "country/india", name: "India", isoName: "India", demonym: "Indian",
      capital: "New Delhi"),
    Member(
      code: "IQ", id: "country/iraq", name: "Iraq", isoName: "Iraq", demonym: "Iraqi",
      capital: "Baghdad"),
    Member(
      code: "IR", id: "country/iran", name: "Iran", isoName: "Islamic Republic of Iran",
      demonym: "Iranian", capital: "Tehran"),
    Member(
      code: "IS", id: "country/iceland", name: "Iceland", isoName: "Iceland", demonym: "Icelandic",
      capital: "Reykjavík"),
    Member(
      code: "IT", id: "country/italy", name: "Italy", isoName: "Italy", demonym: "Italian",
      capital: "Rome"),
    Member(
      code: "JM", id: "country/jamaica", name: "Jamaica", isoName: "Jamaica", demonym: "Jamaican",
      capital: "Kingston"),
    Member(
      code: "JO", id: "country/jordan", name: "Jordan", isoName: "Jordan", demonym: "Jordanian",
      capital: "Amman"),
    Member(
      code: "JP", id: "country/japan", name: "Japan", isoName: "Japan", demonym: "Japanese",
      capital: "Tokyo"),
    Member(
      code: "KE", id: "country/kenya", name: "Kenya", isoName: "Kenya", demonym: "Kenyan",
      capital: "Nairobi"),
    Member(
      code: "KG", id: "country/kyrgyzstan", name: "Kyrgyzstan", isoName: "Kyrgyzstan",
      demonym: "Kyrgyz", capital: "Bishkek"),
    Member(
      code: "KH", id: "country/cambodia", name: "Cambodia", isoName: "Cambodia",
      demonym: "Cambodian", capital: "Phnom Penh"),
    Member(
      code: "KI", id: "country/kiribati", name: "Kiribati", isoName: "Kiribati",
      demonym: "I-Kiribati", capital: "Tarawa"),
    Member(
      code: "KM", id: "country/comoros", name: "Comoros", isoName: "Comoros", demonym: "Comorian",
      capital: "Moroni"),
    Member(
      code: "KN", id: "country/saint-kitts-and-nevis", name: "Saint Kitts and Nevis",
      isoName: "Saint Kitts and Nevis", demonym: "Kittitian", capital: "Basseterre"),
    Member(
      code: "KP", id: "country/north-korea", name: "North Korea",
      isoName: "Democratic People's Republic of Korea", demonym: "North Korean",
      capital: "Pyongyang"),
    Member(
      code: "KR", id: "country/south-korea", name: "South Korea", isoName: "Republic of Korea",
      demonym: "South Korean", capital: "Seoul"),
    Member(
      code: "KW", id: "country/kuwait", name: "Kuwait", isoName: "Kuwait", demonym: "Kuwaiti",
      capital: "Kuwait City"),
    Member(
      code: "KZ", id: "country/kazakhstan", name: "Kazakhstan", isoName: "Kazakhstan",
      demonym: "Kazakh", capital: "Astana"),
    Member(
      code: "LA", id: "country/laos", name: "Laos", isoName: "Lao People's Democratic Republic",
      demonym: "Lao", capital: "Vientiane"),
    Member(
      code: "LB", id: "country/lebanon", name: "Lebanon", isoName: "Lebanon", demonym: "Lebanese",
      capital: "Beirut"),
    Member(
      code: "LC", id: "country/saint-lucia", name: "Saint Lucia", isoName: "Saint Lucia",
      demonym: "Saint Lucian", capital: "Castries"),
    Member(
      code: "LI", id: "country/liechtenstein", name: "Liechtenstein", isoName: "Liechtenstein",
      demonym: "Liechtensteiner", capital: "Vaduz"),
    Member(
      code: "LK", id: "country/sri-lanka", name: "Sri Lanka", isoName: "Sri Lanka",
      demonym: "Sri Lankan", capital: "Colombo"),
    Member(
      code: "LR", id: "country/liberia", name: "Liberia", isoName: "Liberia", demonym: "Liberian",
      capital: "Monrovia"),
    Member(
      code: "LS", id: "country/lesotho", name: "Lesotho", isoName: "Lesotho", demonym: "Basotho",
      capital: "Maseru"),
    Member(
      code: "LT", id: "country/lithuania", name: "Lithuania", isoName: "Lithuania",
      demonym: "Lithuanian", capital: "Vilnius"),
    Member(
      code: "LU", id: "country/luxembourg", name: "Luxembourg", isoName: "Luxembourg",
      demonym: "Luxembourgish", capital: "Luxembourg City"),
    Member(
      code: "LV", id: "country/latvia", name: "Latvia", isoName: "Latvia", demonym: "Latvian",
      capital: "Riga"),
    Member(
      code: "LY", id: "country/libya", name: "Libya", isoName: "Libya", demonym: "Libyan",
      capital: "Tripoli"),
    Member(
      code: "MA", id: "country/morocco", name: "Morocco", isoName: "Morocco", demonym: "Moroccan",
      capital: "Rabat"),
    Member(
      code: "MC", id: "country/monaco", name: "Monaco", isoName: "Monaco", demonym: "Monegasque",
      capital: "Monaco"),
    Member(
      code: "MD", id: "country/moldova", name: "Moldova", isoName: "Republic of Moldova",
      demonym: "Moldovan", capital: "Chisinau"),
    Member(
      code: "ME", id: "country/montenegro", name: "Montenegro", isoName: "Montenegro",
      demonym: "Montenegrin", capital: "Podgorica"),
    Member(
      code: "MG", id: "country/madagascar", name: "Madagascar", isoName: "Madagascar",
      demonym: "Malagasy", capital: "Antananarivo"),
    Member(
      code: "MH", id: "country/marshall-islands", name: "Marshall Islands",
      isoName: "Marshall Islands", demonym: "Marshallese", capital: "Majuro"),
    Member(
      code: "MK", id: "country/north-macedonia", name: "North Macedonia",
      isoName: "North Macedonia", demonym: "North Macedonian", capital: "Skopje"),
    Member(
      code: "ML", id: "country/mali", name: "Mali", isoName: "Mali", demonym: "Malian",
      capital: "Bamako"),
    Member(
      code: "MM", id: "country/myanmar", name: "Myanmar", isoName: "Myanmar", demonym: "Burmese",
      capital: "Nay Pyi Taw"),
    Member(
      code: "MN", id: "country/mongolia", name: "Mongolia", isoName: "Mongolia",
      demonym: "Mongolian", capital: "Ulan Bator"),
    Member(
      code: "MR", id: "country/mauritania", name: "Mauritania", isoName: "Mauritania",
      demonym: "Mauritanian", capital: "Nouakchott"),
    Member(
      code: "MT", id: "country/malta", name: "Malta", isoName: "Malta", demonym: "Maltese",
      capital: "Valletta"),
    Member(
      code: "MU", id: "country/mauritius", name: "Mauritius", isoName: "Mauritius",
      demonym: "Mauritian", capital: "Port Louis"),
    Member(
      code: "MV", id: "country/maldives", name: "Maldives", isoName: "Maldives",
      demonym: "Maldivian", capital: "Male"),
    Member(
      code: "MW", id: "country/malawi", name: "Malawi", isoName: "Malawi", demonym: "Malawian",
      capital: "Lilongwe"),
    Member(
      code: "MX", id: "country/mexico", name: "Mexico", isoName: "Mexico", demonym: "Mexican",
      capital: "Mexico City"),
    Member(
      code: "MY", id: "country/malaysia", name: "Malaysia", isoName: "Malaysia",
      demonym: "Malaysian", capital: "Kuala Lumpur"),
    Member(
      code: "MZ", id: "country/mozambique", name: "Mozambique", isoName: "Mozambique",
      demonym: "Mozambican", capital: "Maputo"),
    Member(
      code: "NA", id: "country/namibia", name: "Namibia", isoName: "Namibia", demonym: "Namibian",
      capital: "Windhoek"),
    Member(
      code: "NE", id: "country/niger", name: "Niger", isoName: "Niger", demonym: "Nigerien",
      capital: "Niamey"),
    Member(
      code: "NG", id: "country/nigeria", name: "Nigeria", isoName: "Nigeria", demonym: "Nigerian",
      capital: "Abuja"),
    Member(
      code: "NI", id: "country/nicaragua", name: "Nicaragua", isoName: "Nicaragua",
      demonym: "Nicaraguan", capital: "Managua"),
    Member(
      code: "NL", id: "country/netherlands", name: "Netherlands", isoName: "Netherlands",
      demonym: "Dutch", capital: "Amsterdam"),
    Member(
      code: "NO", id: "country/norway", name: "Norway", isoName: "Norway", demonym: "Norwegian",
      capital: "Oslo"),
    Member(
      code: "NP", id: "country/nepal", name: "Nepal", isoName: "Nepal", demonym: "Nepali",
      capital: "Kathmandu"),
    Member(
      code: "NR", id: "country/nauru", name: "Nauru", isoName: "Nauru", demonym: "Nauruan",
      capital: "Yaren"),
    Member(
      code: "NZ", id: "country/new-zealand", name: "New Zealand", isoName: "New Zealand",
      demonym: "New Zealander", capital: "Wellington"),
    Member(
      code: "OM", id: "country/oman", name: "Oman", isoName: "Oman", demonym: "Omani",
      capital: "Muscat"),
    Member(
      code: "PA", id: "country/panama", name: "Panama", isoName: "Panama", demonym: "Panamanian",
      capital: "Panama City"),
    Member(
      code: "PE", id: "country/peru", name: "Peru", isoName: "Peru", demonym: "Peruvian",
      capital: "Lima"),
    Member(
      code: "PG", id: "country/papua-new-guinea", name: "Papua New Guinea",
      isoName: "Papua New Guinea", demonym: "Papua New Guinean", capital: "Port Moresby"),
    Member(
      code: "PH", id: "country/philippines", name: "Philippines", isoName: "Philippines",
      demonym: "Filipino", capital: "Manila"),
    Member(
      code: "PK", id: "country/pakistan", name: "Pakistan", isoName: "Pakistan",
      demonym: "Pakistani", capital: "Islamabad"),
    Member(
      code: "PL", id: "country/poland", name: "Poland", isoName: "Poland", demonym: "Polish",
      capital: "Warsaw"),
    Member(
      code: "PT", id: "country/portugal", name: "Portugal", isoName: "Portugal",
      demonym: "Portuguese", capital: "Lisbon"),
    Member(
      code: "PW", id: "country/palau", name: "Palau", isoName: "Palau", demonym: "Palauan",
      capital: "Ngerulmud"),
    Member(
      code: "PY", id: "country/paraguay", name: "Paraguay", isoName: "Paraguay",
      demonym: "Paraguayan", capital: "Asunción"),
    Member(
      code: "QA", id: "country/qatar", name: "Qatar", isoName: "Qatar", demonym: "Qatari",
      capital: "Doha"),
    Member(
      code: "RO", id: "country/romania", name: "Romania", isoName: "Romania", demonym: "Romanian",
      capital: "Bucharest"),
    Member(
      code: "RS", id: "country/serbia", name: "Serbia", isoName: "Serbia", demonym: "Serbian",
      capital: "Belgrade"),
    Member(
      code: "RU", id: "country/russia", name: "Russia", isoName: "Russian Federation",
      demonym: "Russian", capital: "Moscow"),
    Member(
      code: "RW", id: "country/rwanda", name: "Rwanda", isoName: "Rwanda", demonym: "Rwandan",
      capital: "Kigali"),
    Member(
      code: "SA", id: "country/saudi-arabia", name: "Saudi Arabia", isoName: "Saudi Arabia",
      demonym: "Saudi", capital: "Riyadh"),
    Member(
      code: "SB", id: "country/solomon-islands", name: "Solomon Islands",
      isoName: "Solomon Islands", demonym: "Solomon Islander", capital: "Honiara"),
    Member(
      code: "SC", id: "country/seychelles", name: "Seychelles", isoName: "Seychelles",
      demonym: "Seychellois", capital: "Victoria"),
    Member(
      code: "SD", id: "country/sudan", name: "Sudan", isoName: "Sudan", demonym: "Sudanese",
      capital: "Khartoum"),
    Member(
      code: "SE", id: "country/sweden", name: "Sweden", isoName: "Sweden", demonym: "Swedish",
      capital: "Stockholm"),
    Member(
      code: "SG", id: "country/singapore", name: "Singapore", isoName: "Singapore",
      demonym: "Singaporean", capital: "Singapore City"),
    Member(
      code: "SI", id: "country/slovenia", name: "Slovenia", isoName: "Slovenia",
      demonym: "Slovenian", capital: "Ljubljana"),
    Member(
      code: "SK", id: "country/slovakia", name: "Slovakia", isoName: "Slovakia", demonym: "Slovak",
      capital: "Bratislava"),
    Member(
      code: "SL", id: "country/sierra-leone", name: "Sierra Leone", isoName: "Sierra Leone",
      demonym: "Sierra Leonean", capital: "Freetown"),
    Member(
      code: "SM", id: "country/san-marino", name: "San Marino", isoName: "San Marino",
      demonym: "Sammarinese", capital: "City of San Marino"),
    Member(
      code: "SN", id: "country/senegal", name: "Senegal", isoName: "Senegal", demonym: "Senegalese",
      capital: "Dakar"),
    Member(
      code: "SO", id: "country/somalia", name: "Somalia", isoName: "Somalia", demonym: "Somali",
      capital: "Mogadishu"),
    Member(
      code: "SR", id: "country/suriname", name: "Suriname", isoName: "Suriname",
      demonym: "Surinamese", capital: "Paramaribo"),
    Member(
      code: "SS", id: "country/south-sudan", name: "South Sudan", isoName: "South Sudan",
      demonym: "South Sudanese", capital: "Juba"),
    Member(
      code: "ST", id: "country/sao-tome-and-principe", name: "Sao Tome and Principe",
      isoName: "Sao Tome and Principe", demonym: "Santomean", capital: "São Tomé"),
    Member(
      code: "SV", id: "country/el-salvador", name: "El Salvador", isoName: "El Salvador",
      demonym: "Salvadoran", capital: "San Salvador"),
    Member(
      code: "SY", id: "country/syria", name: "Syria", isoName: "Syrian Arab Republic",
      demonym: "Syrian", capital: "Damascus"),
    Member(
      code: "SZ", id: "country/eswatini", name: "Eswatini", isoName: "Eswatini", demonym: "Swazi",
      capital: "Mbabane"),
    Member(
      code: "TD", id: "country/chad", name: "Chad", isoName: "Chad", demonym: "Chadian",
      capital: "N'Djamena"),
    Member(
      code: "TG", id: "country/togo", name: "Togo", isoName: "Togo", demonym: "Togolese",
      capital: "Lomé"),
    Member(
      code: "TH", id: "country/thailand", name: "Thailand", isoName: "Thailand", demonym: "Thai",
      capital: "Bangkok"),
    Member(
      code: "TJ", id: "country/tajikistan", name: "Tajikistan", isoName: "Tajikistan",
      demonym: "Tajik", capital: "Dushanbe"),
    Member(
      code: "TL", id: "country/east-timor", name: "East Timor", isoName: "Timor-Leste",
      demonym: "Timorese", capital: "Dili"),
    Member(
      code: "TM", id: "country/turkmenistan", name: "Turkmenistan", isoName: "Turkmenistan",
      demonym: "Turkmen", capital: "Ashgabat"),
    Member(
      code: "TN", id: "country/tunisia", name: "Tunisia", isoName: "Tunisia", demonym: "Tunisian",
      capital: "Tunis"),
    Member(
      code: "TO", id: "country/tonga", name: "Tonga", isoName: "Tonga", demonym: "Tongan",
      capital: "Nuku‘alofa"),
    Member(
      code: "TR", id: "country/turkey", name: "Turkey", isoName: "Türkiye", demonym: "Turkish",
      capital: "Ankara"),
    Member(
      code: "TT", id: "country/trinidad-and-tobago", name: "Trinidad and Tobago",
      isoName: "Trinidad and Tobago", demonym: "Trinidadian", capital: "Port of Spain"),
    Member(
      code: "TV", id: "country/tuvalu", name: "Tuvalu", isoName: "Tuvalu", demonym: "Tuvaluan",
      capital: "Funafuti"),
    Member(
      code: "TZ", id: "country/tanzania", name: "Tanzania", isoName: "United Republic of Tanzania",
      demonym: "Tanzanian", capital: "Dodoma"),
    Member(
      code: "UA", id: "country/ukraine", name: "Ukraine", isoName: "Ukraine", demonym: "Ukrainian",
      capital: "Kyiv"),
    Member(
      code: "UG", id: "country/uganda", name: "Uganda", isoName: "Uganda", demonym: "Ugandan",
      capital: "Kampala"),
    Member(
      code: "US", id: "country/united-states", name: "United States", isoName: "United States",
      demonym: "American", capital: "Washington"),
    Member(
      code: "UY", id: "country/uruguay", name: "Uruguay", isoName: "Uruguay", demonym: "Uruguayan",
      capital: "Montevideo"),
    Member(
      code: "UZ", id: "country/uzbekistan", name: "Uzbekistan", isoName: "Uzbekistan",
      demonym: "Uzbek", capital: "Tashkent"),
    Member(
      code: "VC", id: "country/saint-vincent-and-the-grenadines",
      name: "Saint Vincent and the Grenadines", isoName: "Saint Vincent and the Grenadines",
      demonym: "Vincentian", capital: "Kingstown"),
    Member(
      code: "VE", id: "country/venezuela", name: "Venezuela",
      isoName: "Bolivarian Republic of Venezuela", demonym: "Venezuelan", capital: "Caracas"),
    Member(
      code: "VN", id: "country/vietnam", name: "Vietnam", isoName: "Viet Nam",
      demonym: "Vietnamese", capital: "Hanoi"),
    Member(
      code: "VU", id: "country/vanuatu", name: "Vanuatu", isoName: "Vanuatu", demonym: "Ni-Vanuatu",
      capital: "Port-Vila"),
    Member(
      code: "WS", id: "country/samoa", name: "Samoa", isoName: "Samoa", demonym: "Samoan",
      capital: "Apia"),
    Member(
      code: "YE", id: "country/yemen", name: "Yemen", isoName: "Yemen", demonym: "Yemeni",
      capital: "Sanaa"),
    Member(
      code: "ZA", id: "country/south-africa", name: "South Africa", isoName: "South Africa",
      demonym: "South African", capital: "Pretoria"),
    Member(
      code: "ZM", id: "country/zambia", name: "Zambia", isoName: "Zambia", demonym: "Zambian",
      capital: "Lusaka"),
    Member(
      code: "ZW", id: "country/zimbabwe", name: "Zimbabwe", isoName: "Zimbabwe",
      demonym: "Zimbabwean", capital: "Harare"),
  ]
}
