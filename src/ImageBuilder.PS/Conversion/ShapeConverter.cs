using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Turns what a PowerShell user types (hashtables, PSCustomObjects, arrays, strings) into the module's typed
    /// values for a shape, so structure parameters take either the module's classes or plain hashtables.
    /// </summary>
    public static class ShapeConverter
    {
        public static object? Convert(object? value, ShapeDef shape, string path)
        {
            var wrapped = value as PSObject;
            if (wrapped is not null)
            {
                value = wrapped.BaseObject;
            }
            if (value is null)
            {
                return null;
            }
            if (shape.IsDocument)
            {
                return Document(value);
            }
            switch (shape.Kind)
            {
                case ShapeKind.Structure:
                    // A PSCustomObject's properties live on its PSObject wrapper, not on the object inside.
                    return Structure(value is PSCustomObject && wrapped is not null ? wrapped : value, shape, path);
                case ShapeKind.List:
                    var list = (IList)(shape.Factory?.Invoke() ?? new List<object?>());
                    if (value is IEnumerable items && value is not string && value is not IDictionary)
                    {
                        int i = 0;
                        foreach (var item in items)
                        {
                            list.Add(Convert(item, shape.Element!, $"{path}[{i++}]"));
                        }
                    }
                    else
                    {
                        list.Add(Convert(wrapped ?? value, shape.Element!, path + "[0]"));
                    }
                    return list;
                case ShapeKind.Map:
                    if (value is not IDictionary source)
                    {
                        throw new ArgumentException($"{path} takes a hashtable of names to values, not a {value.GetType().Name}.");
                    }
                    var map = (IDictionary)(shape.Factory?.Invoke() ?? new Dictionary<string, object?>());
                    foreach (DictionaryEntry entry in source)
                    {
                        var key = System.Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? "";
                        map[key] = Convert(entry.Value, shape.Value!, $"{path}['{key}']");
                    }
                    return map;
                case ShapeKind.String:
                    if (shape.IsDateString)
                    {
                        return To<DateTime>(value, path);
                    }
                    return value is string s ? s : LanguagePrimitives.ConvertTo<string>(value);
                case ShapeKind.Boolean: return To<bool>(value, path);
                case ShapeKind.Byte: return To<sbyte>(value, path);
                case ShapeKind.Short: return To<short>(value, path);
                case ShapeKind.Integer: return To<int>(value, path);
                case ShapeKind.Long: return To<long>(value, path);
                case ShapeKind.Float: return To<float>(value, path);
                case ShapeKind.Double: return To<double>(value, path);
                case ShapeKind.BigInteger:
                case ShapeKind.BigDecimal: return To<decimal>(value, path);
                case ShapeKind.Timestamp: return To<DateTime>(value, path);
                case ShapeKind.Blob: return value is byte[] bytes ? bytes : Encoding.UTF8.GetBytes(LanguagePrimitives.ConvertTo<string>(value));
                default: return value;
            }
        }

        private static object Structure(object value, ShapeDef shape, string path)
        {
            if (value is IAwsStructure typed && typed.GetShape() == shape)
            {
                return typed;
            }
            var target = JsonShapeReader.CreateStructure(shape);
            IEnumerable<KeyValuePair<string, object?>> properties = value switch
            {
                IDictionary dictionary => dictionary.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e.Value)),
                IAwsStructure other => other.GetShape().Members.Select(m => new KeyValuePair<string, object?>(m.Name, other.GetMember(m.Index))),
                _ => PSObject.AsPSObject(value).Properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)),
            };
            foreach (var property in properties)
            {
                var member = shape.FindMember(property.Key);
                if (member is null)
                {
                    var known = string.Join(", ", shape.Members.Select(m => m.Name));
                    throw new ArgumentException($"{path} has no property '{property.Key}'. It takes: {known}.");
                }
                target.SetMember(member.Index, Convert(property.Value, member.Shape, path + "." + member.Name));
            }
            return target;
        }

        private static object? Document(object value) => value switch
        {
            PSObject ps => Document(ps.BaseObject),
            IDictionary map => map.Cast<DictionaryEntry>().ToDictionary(e => System.Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e => e.Value is null ? null : Document(e.Value)),
            string s => s,
            IEnumerable items => items.Cast<object?>().Select(i => i is null ? null : Document(i)).ToList(),
            _ => value,
        };

        private static T To<T>(object value, string path)
        {
            try
            {
                return LanguagePrimitives.ConvertTo<T>(value);
            }
            catch (PSInvalidCastException e)
            {
                throw new ArgumentException($"{path} takes a {typeof(T).Name}; '{value}' cannot be read as one.", e);
            }
        }
    }
}
