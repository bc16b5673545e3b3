#!/usr/bin/env python3
"""Generate ontology/lexicon/countries.json.

Deterministic: the only inputs are Debian's iso-codes ISO 3166-1 table
(/usr/share/iso-codes/json/iso_3166-1.json, package "iso-codes") and the
hand-curated table below.  Run from anywhere:

    python3 ontology/lexicon/tools/generate_countries.py

iso-codes supplies alpha-2/alpha-3 codes and the official/common names; the
table supplies the journalistic short name, extra alternative names,
demonyms, capitals and Wikidata ids.  Wikidata ids are filled in only where
they are certain (checked against two independent public country tables);
otherwise they are left empty.

Entities included: the 193 UN member states, the two UN observer states
(Holy See / Vatican City and Palestine), Taiwan, Kosovo and Western Sahara.
Dependent territories (Greenland, Puerto Rico, Hong Kong, ...) live in
places.json instead.
"""

import json
import os
import sys

ISO_PATH = "/usr/share/iso-codes/json/iso_3166-1.json"
OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "countries.json")

# iso2 -> curated data.
#   name: common English short name used by journalists
#   official: overrides the iso-codes official name (optional)
#   alt: extra alternative names (iso official/common/short names are added automatically)
#   dem: demonyms / adjectives, most common first
#   cap: capital city, capAlt: other spellings of the capital
#   wd: Wikidata Q-id where certain, else ""
#   dropIso: iso-codes names not to use as alternative names (ambiguous ones)
C = {
    "AF": dict(name="Afghanistan", alt=["Islamic Emirate of Afghanistan"], dem=["Afghan"], cap="Kabul", wd="Q889"),
    "AL": dict(name="Albania", dem=["Albanian"], cap="Tirana", capAlt=["Tiranë"], wd="Q222"),
    "DZ": dict(name="Algeria", dem=["Algerian"], cap="Algiers", wd="Q262"),
    "AD": dict(name="Andorra", dem=["Andorran"], cap="Andorra la Vella", wd="Q228"),
    "AO": dict(name="Angola", dem=["Angolan"], cap="Luanda", wd="Q916"),
    "AG": dict(name="Antigua and Barbuda", alt=["Antigua & Barbuda"], dem=["Antiguan", "Barbudan"],
               cap="St. John's", capAlt=["Saint John's", "St John's"], wd="Q781"),
    "AR": dict(name="Argentina", dem=["Argentine", "Argentinian", "Argentinean"], cap="Buenos Aires", wd="Q414"),
    "AM": dict(name="Armenia", dem=["Armenian"], cap="Yerevan", capAlt=["Erevan"], wd="Q399"),
    "AU": dict(name="Australia", official="Commonwealth of Australia", alt=["Commonwealth of Australia"],
               dem=["Australian", "Aussie"], cap="Canberra", wd="Q408"),
    "AT": dict(name="Austria", dem=["Austrian"], cap="Vienna", capAlt=["Wien"], wd="Q40"),
    "AZ": dict(name="Azerbaijan", dem=["Azerbaijani", "Azeri"], cap="Baku", wd="Q227"),
    "BS": dict(name="Bahamas", alt=["The Bahamas"], dem=["Bahamian"], cap="Nassau", wd="Q778"),
    "BH": dict(name="Bahrain", dem=["Bahraini"], cap="Manama", wd="Q398"),
    "BD": dict(name="Bangladesh", dem=["Bangladeshi"], cap="Dhaka", capAlt=["Dacca"], wd="Q902"),
    "BB": dict(name="Barbados", dem=["Barbadian", "Bajan"], cap="Bridgetown", wd="Q244"),
    "BY": dict(name="Belarus", alt=["Byelorussia", "Belorussia"],
               dem=["Belarusian", "Belarussian", "Byelorussian", "Belorussian"], cap="Minsk", wd="Q184"),
    "BE": dict(name="Belgium", dem=["Belgian"], cap="Brussels", capAlt=["Bruxelles", "Brussel"], wd="Q31"),
    "BZ": dict(name="Belize", dem=["Belizean"], cap="Belmopan", wd="Q242"),
    "BJ": dict(name="Benin", dem=["Beninese"], cap="Porto-Novo", capAlt=["Porto Novo"], wd="Q962"),
    "BT": dict(name="Bhutan", dem=["Bhutanese"], cap="Thimphu", wd="Q917"),
    "BO": dict(name="Bolivia", dem=["Bolivian"], cap="Sucre", wd="Q750"),
    "BA": dict(name="Bosnia and Herzegovina", official="Bosnia and Herzegovina", alt=["Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina"],
               dem=["Bosnian", "Herzegovinian"], cap="Sarajevo", wd="Q225"),
    "BW": dict(name="Botswana", dem=["Botswanan", "Motswana", "Batswana"], cap="Gaborone", wd="Q963"),
    "BR": dict(name="Brazil", alt=["Brasil"], dem=["Brazilian"], cap="Brasília", capAlt=["Brasilia"], wd="Q155"),
    "BN": dict(name="Brunei", official="Brunei Darussalam", dem=["Bruneian"], cap="Bandar Seri Begawan", wd="Q921"),
    "BG": dict(name="Bulgaria", dem=["Bulgarian"], cap="Sofia", wd="Q219"),
    "BF": dict(name="Burkina Faso", dem=["Burkinabe", "Burkinabè"], cap="Ouagadougou", wd="Q965"),
    "BI": dict(name="Burundi", dem=["Burundian"], cap="Gitega", wd="Q967"),
    "KH": dict(name="Cambodia", alt=["Kingdom of Cambodia"], dem=["Cambodian"], cap="Phnom Penh", wd="Q424"),
    "CM": dict(name="Cameroon", dem=["Cameroonian"], cap="Yaoundé", capAlt=["Yaounde"], wd="Q1009"),
    "CA": dict(name="Canada", dem=["Canadian"], cap="Ottawa", wd="Q16"),
    "CV": dict(name="Cape Verde", alt=["Republic of Cape Verde"], dem=["Cape Verdean", "Cabo Verdean"],
               cap="Praia", wd="Q1011"),
    "CF": dict(name="Central African Republic", dem=["Central African"], cap="Bangui", wd="Q929"),
    "TD": dict(name="Chad", dem=["Chadian"], cap="N'Djamena", capAlt=["Ndjamena", "N'Djaména"], wd="Q657"),
    "CL": dict(name="Chile", dem=["Chilean"], cap="Santiago", capAlt=["Santiago de Chile"], wd="Q298"),
    "CN": dict(name="China", alt=["PRC", "P.R.C.", "PR China", "Mainland China", "Chinese mainland"],
               dem=["Chinese"], cap="Beijing", capAlt=["Peking"], wd="Q148"),
    "CO": dict(name="Colombia", dem=["Colombian"], cap="Bogotá", capAlt=["Bogota"], wd="Q739"),
    "KM": dict(name="Comoros", dem=["Comorian", "Comoran"], cap="Moroni", wd="Q970"),
    # "Congolese" and bare "Congo" are given to the DRC only (the far more frequent referent in news).
    "CG": dict(name="Republic of the Congo", alt=["Republic of Congo", "Congo Republic", "Congo-Brazzaville",
                                                  "Congo Brazzaville"],
               dem=[], cap="Brazzaville", wd="Q971", dropIso=["Congo"]),
    "CD": dict(name="Democratic Republic of the Congo", official="Democratic Republic of the Congo",
               alt=["Democratic Republic of Congo", "DR Congo", "D.R. Congo", "DRC", "D.R.C.", "Congo",
                    "Congo-Kinshasa", "Congo Kinshasa", "Zaire"],
               dem=["Congolese"], cap="Kinshasa", wd="Q974"),
    "CR": dict(name="Costa Rica", dem=["Costa Rican"], cap="San José", capAlt=["San Jose"], wd="Q800"),
    "CI": dict(name="Ivory Coast", alt=["Cote d'Ivoire", "Côte d’Ivoire", "Cote d’Ivoire"], dem=["Ivorian"],
               cap="Yamoussoukro", wd="Q1008"),
    "HR": dict(name="Croatia", dem=["Croatian", "Croat"], cap="Zagreb", wd="Q224"),
    "CU": dict(name="Cuba", dem=["Cuban"], cap="Havana", capAlt=["La Habana"], wd="Q241"),
    "CY": dict(name="Cyprus", dem=["Cypriot"], cap="Nicosia", capAlt=["Lefkosia"], wd="Q229"),
    "CZ": dict(name="Czech Republic", dem=["Czech"], cap="Prague", capAlt=["Praha"], wd="Q213"),
    "DK": dict(name="Denmark", dem=["Danish", "Dane"], cap="Copenhagen", wd="Q35"),
    "DJ": dict(name="Djibouti", dem=["Djiboutian"], cap="Djibouti", capAlt=["Djibouti City"], wd="Q977"),
    # "Dominican" is given to the Dominican Republic only.
    "DM": dict(name="Dominica", dem=[], cap="Roseau", wd="Q784"),
    "DO": dict(name="Dominican Republic", dem=["Dominican"], cap="Santo Domingo", wd="Q786"),
    "EC": dict(name="Ecuador", dem=["Ecuadorian", "Ecuadorean"], cap="Quito", wd="Q736"),
    "EG": dict(name="Egypt", dem=["Egyptian"], cap="Cairo", wd="Q79"),
    "SV": dict(name="El Salvador", dem=["Salvadoran", "Salvadorian"], cap="San Salvador", wd="Q792"),
    "GQ": dict(name="Equatorial Guinea", dem=["Equatorial Guinean", "Equatoguinean"], cap="Malabo", wd="Q983"),
    "ER": dict(name="Eritrea", dem=["Eritrean"], cap="Asmara", capAlt=["Asmera"], wd="Q986"),
    "EE": dict(name="Estonia", dem=["Estonian"], cap="Tallinn", wd="Q191"),
    "SZ": dict(name="Eswatini", alt=["Swaziland"], dem=["Swazi", "Emaswati"], cap="Mbabane", wd="Q1050"),
    "ET": dict(name="Ethiopia", dem=["Ethiopian"], cap="Addis Ababa", wd="Q115"),
    "FJ": dict(name="Fiji", alt=["Republic of Fiji"], dem=["Fijian"], cap="Suva", wd="Q712"),
    "FI": dict(name="Finland", dem=["Finnish"], cap="Helsinki", wd="Q33"),
    "FR": dict(name="France", dem=["French"], cap="Paris", wd="Q142"),
    "GA": dict(name="Gabon", dem=["Gabonese"], cap="Libreville", wd="Q1000"),
    "GM": dict(name="Gambia", alt=["The Gambia"], dem=["Gambian"], cap="Banjul", wd="Q1005"),
    "GE": dict(name="Georgia", dem=["Georgian"], cap="Tbilisi", wd="Q230"),
    "DE": dict(name="Germany", alt=["Deutschland"], dem=["German"], cap="Berlin", wd="Q183"),
    "GH": dict(name="Ghana", dem=["Ghanaian"], cap="Accra", wd="Q117"),
    "GR": dict(name="Greece", alt=["Hellas"], dem=["Greek", "Hellenic"], cap="Athens", wd="Q41"),
    "GD": dict(name="Grenada", dem=["Grenadian"], cap="St. George's", capAlt=["Saint George's", "St George's"],
               wd="Q769"),
    "GT": dict(name="Guatemala", dem=["Guatemalan"], cap="Guatemala City", wd="Q774"),
    "GN": dict(name="Guinea", alt=["Guinea-Conakry"], dem=["Guinean"], cap="Conakry", wd="Q1006"),
    "GW": dict(name="Guinea-Bissau", alt=["Guinea Bissau"], dem=["Bissau-Guinean"], cap="Bissau", wd="Q1007"),
    "GY": dict(name="Guyana", dem=["Guyanese"], cap="Georgetown", wd="Q734"),
    "HT": dict(name="Haiti", dem=["Haitian"], cap="Port-au-Prince", wd="Q790"),
    "HN": dict(name="Honduras", dem=["Honduran"], cap="Tegucigalpa", wd="Q783"),
    "HU": dict(name="Hungary", dem=["Hungarian"], cap="Budapest", wd="Q28"),
    "IS": dict(name="Iceland", dem=["Icelandic", "Icelander"], cap="Reykjavík", capAlt=["Reykjavik"], wd="Q189"),
    "IN": dict(name="India", alt=["Bharat"], dem=["Indian"], cap="New Delhi", wd="Q668"),
    "ID": dict(name="Indonesia", dem=["Indonesian"], cap="Jakarta", wd="Q252"),
    "IR": dict(name="Iran", dem=["Iranian"], cap="Tehran", capAlt=["Teheran"], wd="Q794"),
    "IQ": dict(name="Iraq", dem=["Iraqi"], cap="Baghdad", wd="Q796"),
    "IE": dict(name="Ireland", official="Ireland", alt=["Republic of Ireland", "Éire", "Eire"], dem=["Irish"],
               cap="Dublin", wd="Q27"),
    "IL": dict(name="Israel", dem=["Israeli"], cap="Jerusalem", wd="Q801"),
    "IT": dict(name="Italy", dem=["Italian"], cap="Rome", capAlt=["Roma"], wd="Q38"),
    "JM": dict(name="Jamaica", dem=["Jamaican"], cap="Kingston", wd="Q766"),
    "JP": dict(name="Japan", dem=["Japanese"], cap="Tokyo", wd="Q17"),
    "JO": dict(name="Jordan", dem=["Jordanian"], cap="Amman", wd="Q810"),
    "KZ": dict(name="Kazakhstan", dem=["Kazakh", "Kazakhstani"], cap="Astana", capAlt=["Nur-Sultan"], wd="Q232"),
    "KE": dict(name="Kenya", dem=["Kenyan"], cap="Nairobi", wd="Q114"),
    "KI": dict(name="Kiribati", dem=["I-Kiribati"], cap="South Tarawa", capAlt=["Tarawa"], wd="Q710"),
    "KP": dict(name="North Korea", alt=["DPRK", "D.P.R.K."], dem=["North Korean"], cap="Pyongyang", wd="Q423"),
    "KR": dict(name="South Korea", official="Republic of Korea", alt=["Republic of Korea", "ROK", "R.O.K."],
               dem=["South Korean"], cap="Seoul", wd="Q884"),
    "KW": dict(name="Kuwait", dem=["Kuwaiti"], cap="Kuwait City", wd="Q817"),
    "KG": dict(name="Kyrgyzstan", alt=["Kirghizia"], dem=["Kyrgyz", "Kyrgyzstani", "Kirghiz"], cap="Bishkek",
               wd="Q813"),
    "LA": dict(name="Laos", official="Lao People's Democratic Republic", alt=["Lao PDR"], dem=["Lao", "Laotian"],
               cap="Vientiane", wd="Q819"),
    "LV": dict(name="Latvia", dem=["Latvian"], cap="Riga", wd="Q211"),
    "LB": dict(name="Lebanon", dem=["Lebanese"], cap="Beirut", wd="Q822"),
    "LS": dict(name="Lesotho", dem=["Basotho", "Mosotho"], cap="Maseru", wd="Q1013"),
    "LR": dict(name="Liberia", dem=["Liberian"], cap="Monrovia", wd="Q1014"),
    "LY": dict(name="Libya", alt=["State of Libya"], dem=["Libyan"], cap="Tripoli", wd="Q1016"),
    "LI": dict(name="Liechtenstein", dem=["Liechtensteiner"], cap="Vaduz", wd="Q347"),
    "LT": dict(name="Lithuania", dem=["Lithuanian"], cap="Vilnius", wd="Q37"),
    "LU": dict(name="Luxembourg", dem=["Luxembourgish", "Luxembourger"], cap="Luxembourg",
               capAlt=["Luxembourg City"], wd="Q32"),
    "MG": dict(name="Madagascar", dem=["Malagasy"], cap="Antananarivo", wd="Q1019"),
    "MW": dict(name="Malawi", dem=["Malawian"], cap="Lilongwe", wd="Q1020"),
    "MY": dict(name="Malaysia", dem=["Malaysian"], cap="Kuala Lumpur", wd="Q833"),
    "MV": dict(name="Maldives", dem=["Maldivian"], cap="Malé", wd="Q826"),
    "ML": dict(name="Mali", dem=["Malian"], cap="Bamako", wd="Q912"),
    "MT": dict(name="Malta", dem=["Maltese"], cap="Valletta", wd="Q233"),
    "MH": dict(name="Marshall Islands", dem=["Marshallese"], cap="Majuro", wd="Q709"),
    "MR": dict(name="Mauritania", dem=["Mauritanian"], cap="Nouakchott", wd="Q1025"),
    "MU": dict(name="Mauritius", dem=["Mauritian"], cap="Port Louis", wd="Q1027"),
    "MX": dict(name="Mexico", dem=["Mexican"], cap="Mexico City", wd="Q96"),
    "FM": dict(name="Micronesia", dem=["Micronesian"], cap="Palikir", wd="Q702"),
    "MD": dict(name="Moldova", dem=["Moldovan", "Moldavian"], cap="Chișinău", capAlt=["Chisinau", "Kishinev"],
               wd="Q217"),
    "MC": dict(name="Monaco", dem=["Monegasque", "Monacan"], cap="Monaco", wd="Q235"),
    "MN": dict(name="Mongolia", dem=["Mongolian"], cap="Ulaanbaatar", capAlt=["Ulan Bator", "Ulaan Baatar"],
               wd="Q711"),
    "ME": dict(name="Montenegro", dem=["Montenegrin"], cap="Podgorica", wd="Q236"),
    "MA": dict(name="Morocco", dem=["Moroccan"], cap="Rabat", wd="Q1028"),
    "MZ": dict(name="Mozambique", dem=["Mozambican"], cap="Maputo", wd="Q1029"),
    "MM": dict(name="Myanmar", official="Republic of the Union of Myanmar", alt=["Burma", "Republic of the Union of Myanmar"], dem=["Burmese"],
               cap="Naypyidaw", capAlt=["Nay Pyi Taw", "Naypyitaw", "Nay Pyi Daw"], wd="Q836"),
    "NA": dict(name="Namibia", dem=["Namibian"], cap="Windhoek", wd="Q1030"),
    "NR": dict(name="Nauru", dem=["Nauruan"], cap="Yaren", wd="Q697"),
    "NP": dict(name="Nepal", dem=["Nepali", "Nepalese"], cap="Kathmandu", wd="Q837"),
    "NL": dict(name="Netherlands", alt=["The Netherlands", "Holland"], dem=["Dutch"], cap="Amsterdam", wd="Q55"),
    "NZ": dict(name="New Zealand", alt=["Aotearoa"], dem=["New Zealander"], cap="Wellington", wd="Q664"),
    "NI": dict(name="Nicaragua", dem=["Nicaraguan"], cap="Managua", wd="Q811"),
    "NE": dict(name="Niger", dem=["Nigerien"], cap="Niamey", wd="Q1032"),
    "NG": dict(name="Nigeria", dem=["Nigerian"], cap="Abuja", wd="Q1033"),
    "MK": dict(name="North Macedonia", alt=["Macedonia", "Republic of Macedonia", "FYROM",
                                            "Former Yugoslav Republic of Macedonia"],
               dem=["Macedonian", "North Macedonian"], cap="Skopje", wd="Q221"),
    "NO": dict(name="Norway", dem=["Norwegian"], cap="Oslo", wd="Q20"),
    "OM": dict(name="Oman", dem=["Omani"], cap="Muscat", wd="Q842"),
    "PK": dict(name="Pakistan", dem=["Pakistani"], cap="Islamabad", wd="Q843"),
    "PW": dict(name="Palau", dem=["Palauan"], cap="Ngerulmud", wd="Q695"),
    # Capital: the State of Palestine's declared capital; Ramallah (seat of the
    # Palestinian Authority) is listed in places.json.
    "PS": dict(name="Palestine", alt=["Palestinian Territories", "Occupied Palestinian Territories"],
               dem=["Palestinian"], cap="East Jerusalem", wd="Q219060"),
    "PA": dict(name="Panama", dem=["Panamanian"], cap="Panama City", wd="Q804"),
    "PG": dict(name="Papua New Guinea", dem=["Papua New Guinean"], cap="Port Moresby", wd="Q691"),
    "PY": dict(name="Paraguay", dem=["Paraguayan"], cap="Asunción", capAlt=["Asuncion"], wd="Q733"),
    "PE": dict(name="Peru", dem=["Peruvian"], cap="Lima", wd="Q419"),
    "PH": dict(name="Philippines", alt=["The Philippines"], dem=["Filipino", "Philippine", "Filipina"],
               cap="Manila", wd="Q928"),
    "PL": dict(name="Poland", dem=["Polish"], cap="Warsaw", capAlt=["Warszawa"], wd="Q36"),
    "PT": dict(name="Portugal", dem=["Portuguese"], cap="Lisbon", capAlt=["Lisboa"], wd="Q45"),
    "QA": dict(name="Qatar", dem=["Qatari"], cap="Doha", wd="Q846"),
    "RO": dict(name="Romania", dem=["Romanian"], cap="Bucharest", wd="Q218"),
    "RU": dict(name="Russia", official="Russian Federation", dem=["Russian"], cap="Moscow", capAlt=["Moskva"],
               wd="Q159"),
    "RW": dict(name="Rwanda", dem=["Rwandan"], cap="Kigali", wd="Q1037"),
    "KN": dict(name="Saint Kitts and Nevis", official="Federation of Saint Kitts and Nevis",
               alt=["St. Kitts and Nevis", "St Kitts and Nevis", "Saint Christopher and Nevis"],
               dem=["Kittitian", "Nevisian"], cap="Basseterre", wd="Q763"),
    "LC": dict(name="Saint Lucia", alt=["St. Lucia", "St Lucia"], dem=["Saint Lucian", "St. Lucian"],
               cap="Castries", wd="Q760"),
    "VC": dict(name="Saint Vincent and the Grenadines",
               alt=["St. Vincent and the Grenadines", "St Vincent and the Grenadines"], dem=["Vincentian"],
               cap="Kingstown", wd="Q757"),
    "WS": dict(name="Samoa", dem=["Samoan"], cap="Apia", wd="Q683"),
    "SM": dict(name="San Marino", dem=["Sammarinese"], cap="San Marino", capAlt=["City of San Marino"], wd="Q238"),
    "ST": dict(name="São Tomé and Príncipe", alt=["Sao Tome and Principe", "São Tomé & Príncipe"],
               dem=["Santomean", "São Toméan"], cap="São Tomé", capAlt=["Sao Tome"], wd="Q1039"),
    "SA": dict(name="Saudi Arabia", alt=["KSA"], dem=["Saudi", "Saudi Arabian"], cap="Riyadh", wd="Q851"),
    "SN": dict(name="Senegal", dem=["Senegalese"], cap="Dakar", wd="Q1041"),
    "RS": dict(name="Serbia", dem=["Serbian", "Serb"], cap="Belgrade", capAlt=["Beograd"], wd="Q403"),
    "SC": dict(name="Seychelles", dem=["Seychellois"], cap="Victoria", wd="Q1042"),
    "SL": dict(name="Sierra Leone", dem=["Sierra Leonean"], cap="Freetown", wd="Q1044"),
    "SG": dict(name="Singapore", dem=["Singaporean"], cap="Singapore", wd="Q334"),
    "SK": dict(name="Slovakia", dem=["Slovak", "Slovakian"], cap="Bratislava", wd="Q214"),
    "SI": dict(name="Slovenia", dem=["Slovenian", "Slovene"], cap="Ljubljana", wd="Q215"),
    "SB": dict(name="Solomon Islands", alt=["Solomons"], dem=["Solomon Islander"], cap="Honiara", wd="Q685"),
    "SO": dict(name="Somalia", dem=["Somali", "Somalian"], cap="Mogadishu", wd="Q1045"),
    "ZA": dict(name="South Africa", dem=["South African"], cap="Pretoria", wd="Q258"),
    "SS": dict(name="South Sudan", dem=["South Sudanese"], cap="Juba", wd="Q958"),
    "ES": dict(name="Spain", alt=["España"], dem=["Spanish", "Spaniard"], cap="Madrid", wd="Q29"),
    "LK": dict(name="Sri Lanka", alt=["Ceylon"], dem=["Sri Lankan"], cap="Sri Jayawardenepura Kotte",
               capAlt=["Kotte"], wd="Q854"),
    "SD": dict(name="Sudan", dem=["Sudanese"], cap="Khartoum", wd="Q1049"),
    "SR": dict(name="Suriname", alt=["Surinam"], dem=["Surinamese"], cap="Paramaribo", wd="Q730"),
    "SE": dict(name="Sweden", dem=["Swedish", "Swede"], cap="Stockholm", wd="Q34"),
    "CH": dict(name="Switzerland", dem=["Swiss"], cap="Bern", capAlt=["Berne"], wd="Q39"),
    "SY": dict(name="Syria", official="Syrian Arab Republic", dem=["Syrian"], cap="Damascus", wd="Q858"),
    # iso-codes' "Taiwan, Province of China" is deliberately not used as official name or alt.
    "TW": dict(name="Taiwan", official="Republic of China",
               alt=["Republic of China", "ROC", "R.O.C.", "Chinese Taipei", "Formosa"],
               dem=["Taiwanese"], cap="Taipei", wd="Q865"),
    "TJ": dict(name="Tajikistan", dem=["Tajik", "Tajikistani"], cap="Dushanbe", wd="Q863"),
    "TZ": dict(name="Tanzania", dem=["Tanzanian"], cap="Dodoma", wd="Q924"),
    "TH": dict(name="Thailand", alt=["Siam"], dem=["Thai"], cap="Bangkok", wd="Q869"),
    "TL": dict(name="East Timor", alt=["Timor Leste"], dem=["East Timorese", "Timorese"], cap="Dili", wd="Q574"),
    "TG": dict(name="Togo", dem=["Togolese"], cap="Lomé", capAlt=["Lome"], wd="Q945"),
    "TO": dict(name="Tonga", alt=["Kingdom of Tonga"], dem=["Tongan"], cap="Nukuʻalofa",
               capAlt=["Nuku'alofa", "Nukualofa"], wd="Q678"),
    "TT": dict(name="Trinidad and Tobago", alt=["Trinidad & Tobago"], dem=["Trinidadian", "Tobagonian"],
               cap="Port of Spain", capAlt=["Port-of-Spain"], wd="Q754"),
    "TN": dict(name="Tunisia", dem=["Tunisian"], cap="Tunis", wd="Q948"),
    "TR": dict(name="Turkey", alt=["Turkiye", "Republic of Turkey"], dem=["Turkish", "Turk"], cap="Ankara",
               wd="Q43"),
    "TM": dict(name="Turkmenistan", dem=["Turkmen", "Turkmenistani"], cap="Ashgabat", capAlt=["Ashkhabad"],
               wd="Q874"),
    "TV": dict(name="Tuvalu", dem=["Tuvaluan"], cap="Funafuti", wd="Q672"),
    "UG": dict(name="Uganda", dem=["Ugandan"], cap="Kampala", wd="Q1036"),
    "UA": dict(name="Ukraine", dem=["Ukrainian"], cap="Kyiv", capAlt=["Kiev"], wd="Q212"),
    "AE": dict(name="United Arab Emirates", alt=["UAE", "U.A.E."], dem=["Emirati"], cap="Abu Dhabi", wd="Q878"),
    "GB": dict(name="United Kingdom", alt=["UK", "U.K.", "Britain", "Great Britain"], dem=["British", "Briton"],
               cap="London", wd="Q145"),
    "US": dict(name="United States", alt=["US", "U.S.", "USA", "U.S.A.", "America"], dem=["American"],
               cap="Washington", capAlt=["Washington, D.C.", "Washington D.C.", "Washington, DC", "Washington DC"],
               wd="Q30"),
    "UY": dict(name="Uruguay", dem=["Uruguayan"], cap="Montevideo", wd="Q77"),
    "UZ": dict(name="Uzbekistan", dem=["Uzbek", "Uzbekistani"], cap="Tashkent", capAlt=["Toshkent"], wd="Q265"),
    "VU": dict(name="Vanuatu", dem=["Ni-Vanuatu"], cap="Port Vila", capAlt=["Port-Vila"], wd="Q686"),
    # Wikidata Q237 is Vatican City (the state); the Holy See is a separate item.
    "VA": dict(name="Vatican City", official="Vatican City State",
               alt=["Vatican", "Holy See", "State of the Vatican City"], dem=["Vatican"], cap="Vatican City",
               wd="Q237"),
    "VE": dict(name="Venezuela", dem=["Venezuelan"], cap="Caracas", wd="Q717"),
    "VN": dict(name="Vietnam", alt=["Socialist Republic of Vietnam"], dem=["Vietnamese"], cap="Hanoi",
               capAlt=["Ha Noi"], wd="Q881"),
    "YE": dict(name="Yemen", dem=["Yemeni"], cap="Sanaa", capAlt=["Sana'a"], wd="Q805"),
    "ZM": dict(name="Zambia", dem=["Zambian"], cap="Lusaka", wd="Q953"),
    "ZW": dict(name="Zimbabwe", dem=["Zimbabwean"], cap="Harare", wd="Q954"),
    # Non-UN-member territory with a UN-recognised self-determination claim.
    "EH": dict(name="Western Sahara", alt=["Sahrawi Arab Democratic Republic", "SADR", "Sahrawi Republic"],
               dem=["Sahrawi", "Saharawi", "Western Saharan"], cap="Laayoune",
               capAlt=["El Aaiún", "El Aaiun", "Laâyoune"], wd="Q6250"),
}

# Not in ISO 3166-1: Kosovo uses the user-assigned codes XK / XKX (as used by
# the European Commission and many data providers).
EXTRA = {
    "XK": dict(name="Kosovo", iso3="XKX", official="Republic of Kosovo", alt=["Republic of Kosovo"],
               dem=["Kosovar", "Kosovan"], cap="Pristina", capAlt=["Prishtina", "Priština", "Prishtinë"],
               wd="Q1246"),
}

# ISO 3166-1 entries that are dependent territories / special regions and are
# therefore not countries here (they are covered by places.json).
NOT_COUNTRIES = set("""
AW AI AX AS AQ TF BQ BL BM BV CC CK CW CX KY FK FO GG GI GL GP GF GU HK HM IM IO JE MO MF MP MS MQ YT
NC NF NU PN PR PF RE GS SH SJ PM SX TC TK UM VG VI WF
""".split())


def clean(s):
    s = " ".join(s.split())
    if s.lower().startswith("the "):
        s = s[4:]
    return s


def iso_names(rec):
    """Official/common/short names from iso-codes usable as news aliases."""
    out = []
    for key in ("official_name", "common_name", "name"):
        v = rec.get(key)
        if not v:
            continue
        v = clean(v)
        # iso-codes inverted forms ("Korea, Republic of") and "Province of China" are not used in news.
        if "," in v or "(" in v:
            continue
        out.append(v)
    return out


def dedupe(seq, exclude=()):
    seen = set(x.casefold() for x in exclude)
    out = []
    for s in seq:
        s = s.strip()
        if not s or s.casefold() in seen:
            continue
        seen.add(s.casefold())
        out.append(s)
    return out


def main():
    with open(ISO_PATH, encoding="utf-8") as f:
        iso = {r["alpha_2"]: r for r in json.load(f)["3166-1"]}

    missing = [c for c in iso if c not in C and c not in NOT_COUNTRIES]
    unknown = [c for c in C if c not in iso]
    if missing or unknown:
        sys.exit(f"table out of sync with iso-codes: missing={missing} unknown={unknown}")

    entries = []
    for code, d in list(C.items()) + list(EXTRA.items()):
        rec = iso.get(code)
        name = d["name"]
        names_from_iso = [n for n in (iso_names(rec) if rec else []) if n not in d.get("dropIso", [])]
        if "official" in d:
            official = d["official"]
        elif rec and rec.get("official_name") and "," not in rec["official_name"]:
            official = clean(rec["official_name"])
        else:
            official = name
        capitals = [d["cap"]] + d.get("capAlt", [])
        alt = dedupe([official] + d.get("alt", []) + names_from_iso, exclude=[name])
        alt = [a for a in alt if a not in capitals]
        entries.append({
            "name": name,
            "official": official,
            "alt": alt,
            "iso2": code,
            "iso3": rec["alpha_3"] if rec else d["iso3"],
            "demonyms": dedupe(d.get("dem", [])),
            "capital": d["cap"],
            "capitalAlt": dedupe(d.get("capAlt", []), exclude=[d["cap"]]),
            "wikidata": d.get("wd", ""),
        })

    entries.sort(key=lambda e: e["name"])
    with open(OUT_PATH, "w", encoding="utf-8") as f:
        json.dump(entries, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(entries)} countries to {os.path.normpath(OUT_PATH)}")


if __name__ == "__main__":
    main()
